package dev.paddock.parimutuel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random pools built from random tickets, with random arrivals, for the property tests. */
final class RandomPools {

    record Ticket(Formulation formulation, long unitStakeCents) {
    }

    record Scenario(BetType type, PoolRules rules, List<Arrival> legs, PoolTotals stakes, PoolExtras extras,
            List<Ticket> tickets, List<Field> fields) {

        PoolResult compute() {
            return PoolDividends.compute(type, rules, legs, stakes, extras);
        }
    }

    private final Random random;

    RandomPools(long seed) {
        this.random = new Random(seed);
    }

    Scenario scenario(BetType type) {
        int declared = Math.max(type.runners() + 2, 4) + random.nextInt(10);
        List<Field> fields = new ArrayList<>();
        for (int leg = 0; leg < type.legs(); leg++) {
            fields.add(Field.ofRunners(type.multiRace() ? 3 + random.nextInt(8) : declared));
        }
        PoolTotals stakes = new PoolTotals();
        List<Ticket> tickets = new ArrayList<>();
        int count = 1 + random.nextInt(random.nextBoolean() ? 8 : 80);
        for (int i = 0; i < count; i++) {
            Formulation formulation = formulation(type, fields);
            long unitStake = 10L * (1 + random.nextInt(random.nextInt(4) == 0 ? 500 : 30));
            Combinations.forEach(type, formulation, fields, key -> stakes.add(key, unitStake));
            tickets.add(new Ticket(formulation, unitStake));
        }
        List<Arrival> legs = new ArrayList<>();
        List<Integer> favourites = new ArrayList<>();
        for (Field field : fields) {
            Arrival arrival = arrival(type, field);
            legs.add(arrival);
            List<Integer> started = runners(field);
            started.removeAll(arrival.nonRunners());
            favourites.add(started.get(random.nextInt(started.size())));
        }
        long draw = random.nextInt(4) == 0 ? random.nextInt(100_000) : 0;
        long guaranteed = type == BetType.BIG5 && random.nextBoolean() ? random.nextInt(200_000) : 0;
        return new Scenario(type, rules(type), legs, stakes,
                new PoolExtras(type == BetType.BIG5 ? favourites : List.of(), draw, guaranteed), tickets, fields);
    }

    private PoolRules rules(BetType type) {
        PoolRules rules = PmuRules.online2020(type);
        if (random.nextInt(4) == 0) {
            rules = new PoolRules(random.nextInt(4000), 5000 + random.nextInt(5001), rules.rankSharesBp(),
                    rules.minimumDividendCents(), random.nextBoolean() ? 10 : 1, rules.minimumMarginBp(),
                    random.nextInt(3) == 0 ? random.nextInt(1000) : rules.reserveFundBp(),
                    random.nextBoolean() ? PoolRules.EmptyRank.RESERVE : PoolRules.EmptyRank.NEXT_RANK,
                    random.nextBoolean() ? List.of() : List.of(new PoolRules.Deduction(300, 1000),
                            new PoolRules.Deduction(2000, 2500)));
        }
        return rules;
    }

    private Formulation formulation(BetType type, List<Field> fields) {
        if (type.multiRace()) {
            List<List<Integer>> legs = new ArrayList<>();
            for (Field field : fields) {
                legs.add(pick(runners(field), 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0)));
            }
            return new Formulation.Legs(legs);
        }
        List<Integer> runners = runners(fields.getFirst());
        int n = type.runners();
        int kind = type == BetType.MULTI ? 0 : random.nextInt(4);
        if (kind == 2 && runners.size() > n + 1) {
            return new Formulation.Combined(pick(runners, n + 1 + random.nextInt(Math.min(2, runners.size() - n - 1))));
        }
        if (kind == 3 && n > 1) {
            List<Integer> chosen = pick(runners, runners.size());
            int bases = 1 + random.nextInt(n - 1);
            int partners = n - bases + random.nextInt(runners.size() - n + 1);
            return new Formulation.Champ(chosen.subList(0, bases), chosen.subList(bases, bases + partners));
        }
        int size = type == BetType.MULTI ? Math.min(4 + random.nextInt(4), runners.size()) : n;
        return new Formulation.Unit(pick(runners, size));
    }

    private Arrival arrival(BetType type, Field field) {
        if (random.nextInt(40) == 0) {
            return Arrival.cancelledRace();
        }
        List<Integer> runners = runners(field);
        Collections.shuffle(runners, random);
        Set<Integer> nonRunners = new HashSet<>();
        int withdrawn = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < withdrawn && runners.size() > 2; i++) {
            nonRunners.add(runners.removeLast());
        }
        Set<Integer> disqualified = new HashSet<>();
        if (random.nextInt(10) == 0 && runners.size() > 2) {
            disqualified.add(runners.get(random.nextInt(runners.size())));
        }
        List<List<Integer>> finish = new ArrayList<>();
        int finishers = random.nextInt(8) == 0 ? random.nextInt(runners.size()) : runners.size();
        for (int i = 0; i < finishers; i++) {
            if (!finish.isEmpty() && random.nextInt(6) == 0) {
                List<Integer> tied = new ArrayList<>(finish.removeLast());
                tied.add(runners.get(i));
                finish.add(tied);
            } else {
                finish.add(List.of(runners.get(i)));
            }
        }
        return new Arrival(finish, nonRunners, disqualified, field.size() - nonRunners.size(), false);
    }

    private List<Integer> pick(List<Integer> from, int size) {
        List<Integer> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, size));
    }

    private static List<Integer> runners(Field field) {
        List<Integer> runners = new ArrayList<>();
        for (int runner : field.starters()) {
            runners.add(runner);
        }
        return runners;
    }
}
