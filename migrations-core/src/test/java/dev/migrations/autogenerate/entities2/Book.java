package dev.migrations.autogenerate.entities2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The second version of {@code entities.Book}: the key no longer cascades, and the author is optional. */
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

    @ManyToOne
    @JoinColumn(name = "author_id")
    Author author;

    @Column(nullable = false)
    String title;

    Format format;

    @Column(columnDefinition = "text")
    String summary;
}
