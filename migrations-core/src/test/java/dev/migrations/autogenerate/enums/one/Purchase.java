package dev.migrations.autogenerate.enums.one;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The first version: two PostgreSQL named enum types (one Hibernate names after the enum class, one a columnDefinition names) and a plain enum column. */
@Entity
@Table(name = "purchase")
public class Purchase {

    public enum OrderStatus {
        NEW,
        PAID,
        SHIPPED
    }

    public enum PaymentKind {
        CARD,
        INVOICE
    }

    public enum Channel {
        SHOP,
        WEB
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    OrderStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(columnDefinition = "payment_kind")
    PaymentKind payment;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    Channel channel;
}
