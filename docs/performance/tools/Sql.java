import java.sql.*;
public class Sql {
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection(a[0], "postgres", "")) {
            c.setAutoCommit(true);
            for (int i = 1; i < a.length; i++) {
                long t = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    boolean rs = s.execute(a[i]);
                    StringBuilder out = new StringBuilder();
                    if (rs) try (ResultSet r = s.getResultSet()) {
                        int n = r.getMetaData().getColumnCount();
                        while (r.next()) { for (int k = 1; k <= n; k++) out.append(k > 1 ? " | " : "").append(r.getString(k)); out.append('\n'); }
                    }
                    System.out.print(out);
                }
                System.err.printf("[%d ms] %s%n", (System.nanoTime() - t) / 1_000_000, a[i].length() > 60 ? a[i].substring(0, 60) : a[i]);
            }
        }
    }
}
