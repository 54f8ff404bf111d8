package dev.migrations.autogenerate.second;

import dev.migrations.api.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The README's example: a table and a column renamed with hints, and an enum that gains a constant. */
public final class Shop {

    private Shop() {}

    public enum Status {
        ACTIVE,
        PAUSED
    }

    public enum StatusWithClosed {
        ACTIVE,
        PAUSED,
        CLOSED
    }

    @Entity(name = "ShopCustomer")
    @Table(name = "customers")
    public static class Customer {
        @Id
        Long id;

        @Column(length = 200)
        String mail;

        @Enumerated(EnumType.STRING)
        @Column(length = 10)
        Status status;
    }

    @Entity(name = "ShopClient")
    @Table(name = "clients")
    @RenamedFrom("customers")
    public static class Client {
        @Id
        Long id;

        @RenamedFrom("mail")
        @Column(length = 200)
        String email;

        @Enumerated(EnumType.STRING)
        @Column(length = 10)
        StatusWithClosed status;
    }
}
