package com.example.consumer;

import dev.migrations.test.MigrationsTest;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "spring.datasource.url=jdbc:sqlite:target/consumer-test.db")
class MigrationsTests {

    @MigrationsTest
    void migrations() {}
}
