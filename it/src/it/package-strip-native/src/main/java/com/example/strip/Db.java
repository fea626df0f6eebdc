package com.example.strip;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public final class Db {
    private Db() {
    }

    public static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:/tmp/app.db");
    }
}
