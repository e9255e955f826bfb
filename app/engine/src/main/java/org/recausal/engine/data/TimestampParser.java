package org.recausal.engine.data;

/**
 * Reads ISO 8601 dates and date-times from UTF-8 bytes into epoch milliseconds, without a String or a
 * {@link java.time.format.DateTimeFormatter} per cell. Accepts {@code yyyy-MM-dd} (or with '/'), optionally followed
 * by 'T' or a space, {@code HH:mm}, optional {@code :ss}, optional fraction, optional {@code Z} or offset
 * ({@code +02:00}, {@code +0200}, {@code +02}). Without an offset the time is taken as UTC.
 */
final class TimestampParser {

    long epochMillis;

    boolean parse(byte[] b, int start, int end) {
        if (end - start < 10) {
            return false;
        }
        int year = digits(b, start, 4);
        byte separator = b[start + 4];
        if (year < 0 || (separator != '-' && separator != '/') || b[start + 7] != separator) {
            return false;
        }
        int month = digits(b, start + 5, 2);
        int day = digits(b, start + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return false;
        }
        long millis = daysFromCivil(year, month, day) * 86_400_000L;
        int i = start + 10;
        if (i == end) {
            epochMillis = millis;
            return true;
        }
        if ((b[i] != 'T' && b[i] != ' ') || end - i < 6 || b[i + 3] != ':') {
            return false;
        }
        int hour = digits(b, i + 1, 2);
        int minute = digits(b, i + 4, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return false;
        }
        millis += hour * 3_600_000L + minute * 60_000L;
        i += 6;
        if (i < end && b[i] == ':') {
            int second = end - i >= 3 ? digits(b, i + 1, 2) : -1;
            if (second < 0 || second > 60) {
                return false;
            }
            millis += second * 1000L;
            i += 3;
            if (i < end && (b[i] == '.' || b[i] == ',')) {
                i++;
                int fractionStart = i;
                long fraction = 0;
                int scale = 1000;
                while (i < end && b[i] >= '0' && b[i] <= '9') {
                    scale /= 10;
                    fraction += (long) (b[i] - '0') * scale;
                    i++;
                }
                if (i == fractionStart) {
                    return false;
                }
                millis += fraction;
            }
        }
        if (i == end) {
            epochMillis = millis;
            return true;
        }
        if (b[i] == 'Z' && i + 1 == end) {
            epochMillis = millis;
            return true;
        }
        return offset(b, i, end, millis);
    }

    private boolean offset(byte[] b, int i, int end, long localMillis) {
        if (b[i] != '+' && b[i] != '-') {
            return false;
        }
        int sign = b[i] == '-' ? -1 : 1;
        int length = end - i - 1;
        int hours = length >= 2 ? digits(b, i + 1, 2) : -1;
        int minutes;
        if (length == 2) {
            minutes = 0;
        } else if (length == 4) {
            minutes = digits(b, i + 3, 2);
        } else if (length == 5 && b[i + 3] == ':') {
            minutes = digits(b, i + 4, 2);
        } else {
            return false;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return false;
        }
        epochMillis = localMillis - sign * (hours * 3_600_000L + minutes * 60_000L);
        return true;
    }

    /** The value of {@code count} decimal digits, or -1 if any is not a digit. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
