package io.tributary.api.kafkauser;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ApiException.FieldProblem;
import java.security.SecureRandom;
import java.util.List;

/** SASL passwords: the rule they follow and generated ones. */
final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Passwords() {
    }

    /** The given password, checked, or a generated one of 24 characters (~140 bits). */
    static String chosenOrGenerated(String given, String field) {
        if (given == null) {
            return generate();
        }
        if (given.length() < 8 || given.length() > 128 || given.chars().noneMatch(Character::isLetter)
                || given.chars().noneMatch(Character::isDigit)) {
            throw ApiException.invalid(List.of(new FieldProblem(field,
                    "must be 8 to 128 characters with letters and digits")));
        }
        return given;
    }

    static String generate() {
        while (true) {
            StringBuilder out = new StringBuilder(24);
            for (int i = 0; i < 24; i++) {
                out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String password = out.toString();
            if (password.chars().anyMatch(Character::isDigit) && password.chars().anyMatch(Character::isLetter)) {
                return password;
            }
        }
    }
}
