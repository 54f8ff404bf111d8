package dev.migrations.autogenerate.quoted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test entity: a quoted mixed-case table and column, which SQLite keeps exactly as given. */
@Entity
@Table(name = "\"OrderLine\"")
public class OrderLine {

    @Id
    @Column(length = 20)
    String code;

    @Column(name = "\"UnitPrice\"", nullable = false)
    Integer unitPrice;

    @Column(length = 80)
    String product;
}
