package dev.migrations.autogenerate.entities2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnDefault;

/**
 * The second version of {@code entities.Author}: a wider and a narrower column, a column dropped and
 * one added, a new enum constant, a default, a changed index and a dropped unique key.
 */
@Entity
@Table(name = "author", indexes = @Index(name = "ix_author_email_name", columnList = "email, last_name"))
public class Author {

    public enum Status {
        ACTIVE,
        RETIRED,
        DECEASED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 250)
    String email;

    @Column(name = "first_name", nullable = false, length = 100)
    String firstName;

    @Column(name = "last_name", nullable = false, length = 80)
    String lastName;

    @ColumnDefault("'anonymous'")
    @Column(name = "pen_name", nullable = false, length = 100)
    String penName;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    Status status;

    @Column(precision = 12, scale = 2)
    BigDecimal royalties;

    LocalDate born;

    Instant joined;

    @Column(length = 50)
    String nickname;

    @ColumnDefault("0")
    @Column(nullable = false)
    int books;
}
