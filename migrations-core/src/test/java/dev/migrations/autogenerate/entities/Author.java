package dev.migrations.autogenerate.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;

/** Test entity: identity id, strings, a unique key, an enum check, decimals, times, a default. */
@Entity
@Table(
        name = "author",
        indexes = @Index(name = "ix_author_name", columnList = "last_name, first_name"),
        uniqueConstraints = @UniqueConstraint(name = "uq_author_pen_name", columnNames = "pen_name"))
public class Author {

    public enum Status {
        ACTIVE,
        RETIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 200)
    String email;

    @Column(name = "first_name", nullable = false, length = 100)
    String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    String lastName;

    @Column(name = "pen_name", length = 100)
    String penName;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    Status status;

    @Column(precision = 10, scale = 2)
    BigDecimal royalties;

    LocalDate born;

    Instant joined;

    UUID token;

    @ColumnDefault("0")
    @Column(nullable = false)
    int books;
}
