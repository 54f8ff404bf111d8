package dev.migrations.autogenerate.enums.two;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The second version: a constant that sorts last (Hibernate lists the values sorted), so it is appended. Hibernate maps it to an ENUM(...) column on MariaDB. */
@Entity
@Table(name = "ticket")
public class Ticket {

    public enum Priority {
        LOW,
        HIGH,
        URGENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    Priority priority;
}
