package dev.migrations.autogenerate.entities;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.util.UUID;

/** Test entities: single-table inheritance with a discriminator, and a UUID id. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Animal {

    @Id
    @GeneratedValue
    UUID id;

    String name;

    @Entity
    public static class Dog extends Animal {
        Boolean goodBoy;
    }

    @Entity
    public static class Cat extends Animal {
        Integer lives;
    }
}
