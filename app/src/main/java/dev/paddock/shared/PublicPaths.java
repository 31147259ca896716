package dev.paddock.shared;

import java.util.List;

/**
 * Paths a module serves to anonymous visitors. Each module that has public pages or endpoints declares
 * a bean of this type; the security configuration permits them and keeps everything else behind login.
 *
 * @param web  Ant-style patterns of server-rendered pages and their assets
 * @param api  patterns under {@code /api} open without a token
 */
public record PublicPaths(List<String> web, List<String> api) {

    public static PublicPaths web(String... patterns) {
        return new PublicPaths(List.of(patterns), List.of());
    }

    public static PublicPaths api(String... patterns) {
        return new PublicPaths(List.of(), List.of(patterns));
    }
}
