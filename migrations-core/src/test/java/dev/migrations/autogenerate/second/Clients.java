package dev.migrations.autogenerate.second;

import dev.migrations.api.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test entities: a table and a column renamed, the new names carrying the old ones as hints. */
public final class Clients {

    private Clients() {}

    @Entity(name = "Customer")
    @Table(name = "customers")
    public static class Customer {
        @Id
        Long id;

        @Column(length = 200)
        String mail;

        String name;
    }

    @Entity(name = "Client")
    @Table(name = "clients")
    @RenamedFrom("customers")
    public static class Client {
        @Id
        Long id;

        @RenamedFrom("mail")
        @Column(length = 200)
        String email;

        String name;
    }

    /** One developer's change: the mail column goes. */
    @Entity(name = "CustomerWithoutMail")
    @Table(name = "customers")
    public static class WithoutMail {
        @Id
        Long id;

        String name;
    }

    /** Another developer's change on the same revision: the mail column gets longer. */
    @Entity(name = "CustomerWithLongMail")
    @Table(name = "customers")
    public static class WithLongMail {
        @Id
        Long id;

        @Column(length = 300)
        String mail;

        String name;
    }
}
