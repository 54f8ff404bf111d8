package dev.migrations.boot.instances.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The inventory unit's entity: its table exists only in the inventory database. */
@Entity
@Table(name = "item")
public class Item {

    @Id
    private Integer id;

    @Column(length = 100)
    private String name;
}
