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
}
