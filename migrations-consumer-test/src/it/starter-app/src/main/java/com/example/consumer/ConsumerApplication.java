package com.example.consumer;

import jakarta.persistence.EntityManager;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsumerApplication.class, args);
    }

    /** Reads what the migrations created through JPA: it runs only after they did. */
    @Bean
    CommandLineRunner countNotes(EntityManager entityManager) {
        return args -> System.out.println("consumer-app sees "
                + entityManager
                        .createQuery("select count(n) from Note n", Long.class)
                        .getSingleResult() + " note(s)");
    }
}
