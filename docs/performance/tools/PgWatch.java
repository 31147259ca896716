import java.sql.*;
import java.time.*;

/** PgWatch URL SECONDS: every 10 ms, every non-idle backend's wait, backend type and query, with a ms timestamp. */
public class PgWatch {
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection(a[0], "postgres", "")) {
            long end = System.currentTimeMillis() + (long) (Double.parseDouble(a[1]) * 1000);
            try (PreparedStatement s = c.prepareStatement("select pid, backend_type, coalesce(wait_event_type,'-')||'/'||coalesce(wait_event,'-'), state, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) from pg_stat_activity where state is distinct from 'idle' and pid <> pg_backend_pid() and backend_type not in ('walwriter','checkpointer','background writer','autovacuum launcher','logical replication launcher')")) {
                while (System.currentTimeMillis() < end) {
                    StringBuilder line = new StringBuilder(LocalTime.now(ZoneOffset.UTC).toString());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            line.append(" | ").append(r.getInt(1)).append(' ').append(r.getString(2).replace("client backend", "cb")).append(' ').append(r.getString(3)).append(' ').append(r.getString(4)).append(' ').append(r.getString(5));
                        }
                    }
                    System.out.println(line);
                    Thread.sleep(10);
                }
            }
        }
    }
}
