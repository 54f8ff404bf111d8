package dev.migrations.autogenerate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Test entities: table-per-class inheritance (each concrete class has all the columns). */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Shape {

    @Id
    Long id;

    String color;

    @Entity
    public static class Circle extends Shape {
        Double radius;
    }

    @Entity
    public static class Square extends Shape {
        Double side;
    }
}
