import java.sql.*;
import java.time.*;
public class WalSampler {
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection(a[0], "postgres", "")) {
            c.setAutoCommit(true);
            long end = System.currentTimeMillis() + Long.parseLong(a[1]) * 1000;
            long pw = 0, ps = 0, pb = 0; double pwt = 0, pst = 0; long pck = -1;
            while (System.currentTimeMillis() < end) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "select (select count(*) from pg_ls_waldir()), wal_bytes, wal_write, wal_sync, wal_write_time, wal_sync_time,"
                        + " (select num_timed + num_requested from pg_stat_checkpointer),"
                        + " (select count(*) from pg_stat_activity where wait_event in ('WalInitWrite','WalInitSync')),"
                        + " (select string_agg(coalesce(wait_event_type,'-')||'/'||coalesce(wait_event,'-'), ',') from pg_stat_activity where state='active' and backend_type='client backend' and pid<>pg_backend_pid())"
                        + " from pg_stat_wal")) {
                    r.next();
                    long files = r.getLong(1), b = r.getLong(2), w = r.getLong(3), sy = r.getLong(4);
                    double wt = r.getDouble(5), st = r.getDouble(6); long ck = r.getLong(7);
                    System.out.printf("%s files %d walMB %.1f syncs %d syncms %.1f writems %.1f ckpts %d init %d %s%n",
                            LocalTime.now(ZoneOffset.UTC).withNano(0), files, (b - pb) / 1e6, sy - ps, st - pst, wt - pwt, ck, r.getLong(8), r.getString(9));
                    pb = b; pw = w; ps = sy; pwt = wt; pst = st;
                }
                Thread.sleep(1000);
            }
        }
    }
}
