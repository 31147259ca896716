package dev.paddock.shared;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * Writes that do not depend on each other's answers, sent to PostgreSQL together: one network round trip for all
 * of them instead of one each, in the caller's transaction. Each module adds its own statement (named parameters,
 * as with {@code JdbcClient}) and what to do with its row count; {@link #execute} sends them in the order added,
 * the server runs them in that order, and a failure of any fails the whole (the transaction is then rolled back by
 * its owner). On a machine where each round trip waits for a core twice, a batch that makes fewer of them holds its
 * callers for less (the registration writer: README, Benchmarks, session 18).
 */
public final class RoundTrip {

    private final JdbcOperations jdbc;
    private final List<String> statements = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<IntConsumer> counts = new ArrayList<>();

    public RoundTrip(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a statement that returns no rows (an insert, an update, a {@code with ... insert}), with its named
     * parameters; {@code count} gets its row count after {@link #execute}, and may throw to fail the caller.
     */
    public RoundTrip add(String sql, Map<String, ?> parameters, IntConsumer count) {
        MapSqlParameterSource source = new MapSqlParameterSource(parameters);
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        statements.add(NamedParameterUtils.substituteNamedParameters(parsed, source));
        Collections.addAll(values, NamedParameterUtils.buildValueArray(parsed, source, null));
        counts.add(count);
        return this;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Sends every statement added, in one round trip, then hands each its row count; nothing to do if none. */
    public void execute() {
        if (statements.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
                for (int p = 0; p < values.size(); p++) {
                    StatementCreatorUtils.setParameterValue(statement, p + 1, SqlTypeValue.TYPE_UNKNOWN,
                            values.get(p));
                }
                boolean rows = statement.execute();
                for (int s = 0; s < counts.size(); s++) {
                    if (s > 0) {
                        rows = statement.getMoreResults();
                    }
                    if (rows) {
                        throw new IllegalStateException("A statement of a round trip returned rows: "
                                + statements.get(s));
                    }
                    counts.get(s).accept(statement.getUpdateCount());
                }
            }
            return null;
        });
        statements.clear();
        values.clear();
        counts.clear();
    }
}
