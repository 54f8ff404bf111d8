package dev.migrations.autogenerate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Test entities: joined inheritance (a table per subclass keyed to the parent's). */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {

    @Id
    Long id;

    String maker;

    @Entity
    public static class Truck extends Vehicle {
        Integer axles;
    }
}
