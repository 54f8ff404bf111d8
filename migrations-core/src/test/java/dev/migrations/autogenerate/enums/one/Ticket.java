package dev.migrations.autogenerate.enums.one;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first version of an enum column on MariaDB. Hibernate maps it to an ENUM(...) column on MariaDB. */
@Entity
@Table(name = "ticket")
public class Ticket {

    public enum Priority {
        LOW,
        HIGH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    Priority priority;
}
