package dev.migrations.autogenerate.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** Test entity: a foreign key with ON DELETE CASCADE and an ordinal enum. */
@Entity
@Table(name = "book")
public class Book {

    public enum Format {
        HARDCOVER,
        PAPERBACK,
        EBOOK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    Author author;

    @Column(nullable = false)
    String title;

    Format format;

    @Column(columnDefinition = "text")
    String summary;
}
