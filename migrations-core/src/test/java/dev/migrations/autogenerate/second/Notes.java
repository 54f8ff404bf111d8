package dev.migrations.autogenerate.second;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Test entity: columns whose type the mapping gives as SQL ({@code columnDefinition}). */
@Entity
@Table(name = "note")
public class Notes {
    @Id
    Long id;

    @Column(columnDefinition = "text")
    String body;

    @Column(columnDefinition = "varchar(12)")
    String code;

    @Column(columnDefinition = "numeric(8,3)")
    BigDecimal weight;

    @Column(columnDefinition = "varchar(10) default 'draft' not null")
    String state;
}
