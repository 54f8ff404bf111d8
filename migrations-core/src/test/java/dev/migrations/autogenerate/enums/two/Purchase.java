package dev.migrations.autogenerate.enums.two;

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

/** The second version: two new constants (Hibernate sorts a named enum'\''s values, so they go before existing ones; the first constant is new, so the rows written use it), the columnDefinition'\''s type renamed, and the plain enum column now a named enum type. */
@Entity
@Table(name = "purchase")
public class Purchase {

    public enum OrderStatus {
        REFUNDED,
        CANCELLED,
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
    @Column(columnDefinition = "payment_method")
    PaymentKind payment;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Channel channel;
}
