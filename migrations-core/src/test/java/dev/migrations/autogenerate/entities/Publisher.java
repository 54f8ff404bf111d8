package dev.migrations.autogenerate.entities;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Test entity: a sequence id, an embeddable, an element collection, a many-to-many join table, a
 * version column, a LOB, times with and without zones, a JSON column and a reserved word as a
 * column name.
 */
@Entity
public class Publisher {

    @Embeddable
    public static class Address {
        @Column(length = 120)
        String street;

        @Column(name = "postal_code", length = 12)
        String postalCode;
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publisher_seq")
    @SequenceGenerator(name = "publisher_seq", sequenceName = "publisher_seq", allocationSize = 20)
    Long id;

    @Column(nullable = false, length = 150)
    String name;

    @Embedded
    Address address;

    @ElementCollection
    @CollectionTable(name = "publisher_phone", joinColumns = @JoinColumn(name = "publisher_id"))
    @Column(name = "phone", length = 30)
    Set<String> phones = new HashSet<>();

    @ManyToMany
    @JoinTable(
            name = "publisher_author",
            joinColumns = @JoinColumn(name = "publisher_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    Set<Author> authors = new HashSet<>();

    @Version
    Integer version;

    @Lob
    @Column(name = "logo")
    byte[] logo;

    @Column(name = "opens_at")
    LocalTime opensAt;

    @Column(name = "founded_at")
    OffsetDateTime foundedAt;

    @Column(name = "\"order\"")
    Integer order;

    @JdbcTypeCode(SqlTypes.JSON)
    java.util.Map<String, Object> attributes;
}
