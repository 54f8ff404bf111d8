package dev.migrations.boot.instances.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The orders unit's entity: its table exists only in the orders database. */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

    @Id
    private Integer id;

    private Integer total;
}
