package io.gatescope.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A settings.json written by another version may lack fields or hold them as null: each such field
 * takes its default (a missing presenter zoom is 1.75, not 0), and the others keep what was saved.
 * One case per field, so every kind is covered: names, enum names, whole numbers, scales, lists,
 * the window's bounds.
 */
class MissingSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    /** Every field different from its default. */
    private static final ViewSettings SAVED = new ViewSettings("shipped:gru", "5+5", 3, 1, 2, "KERAS", "DARK", "LIGHT",
            "VIRIDIS", 1.25, 2.0, 4, 12, 5L, List.of("/tmp/a.json"), new ViewSettings.WindowBounds(10, 20, 1300, 800, true),
            List.of(List.of(0.5, -1.0)), "edited in the table");

    static Stream<String> fields() {
        return Arrays.stream(ViewSettings.class.getRecordComponents()).map(RecordComponent::getName);
    }

    @ParameterizedTest
    @MethodSource("fields")
    void aMissingFieldTakesItsDefaultAndTheOthersKeepTheirs(String field) throws Exception {
        assertDefaultOnly(field, without(field));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void aNullFieldTakesItsDefault(String field) throws Exception {
        Map<String, Object> m = without(field);
        m.put(field, null);
        assertDefaultOnly(field, m);
    }

    @Test
    void everyRowOfTheTableReadsItsDefaultBackWithoutAWarning() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{}");
        Map<String, Object> loaded = SettingsStore.asMap(new SettingsStore(home).load());
        for (ViewSettingsTable.Row<?> row : ViewSettingsTable.ROWS) {
            Object value = loaded.get(row.key());
            // the binder warns when read gives null: a default must read back as itself
            assertThat((Object) row.read().apply(value)).as(row.key()).isEqualTo(row.defaultValue());
        }
        assertThat(loaded.get("presenterZoom")).isEqualTo(1.75);
        assertThat(loaded.get("speed")).isEqualTo(1.0);
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> m = new LinkedHashMap<>(SettingsStore.asMap(SAVED));
        assertThat(m.remove(field)).as(field).isNotNull();
        return m;
    }

    private void assertDefaultOnly(String field, Map<String, Object> file) throws Exception {
        Files.write(home.resolve("settings.json"), JSON.writeValueAsBytes(file));
        ViewSettings loaded = new SettingsStore(home).load();
        for (RecordComponent c : ViewSettings.class.getRecordComponents()) {
            Object expected = c.getAccessor().invoke(c.getName().equals(field) ? ViewSettings.DEFAULT : SAVED);
            assertThat(c.getAccessor().invoke(loaded)).as(c.getName()).isEqualTo(expected);
        }
        Object saved = ViewSettings.class.getMethod(field).invoke(SAVED);   // else the case would prove nothing
        assertThat(saved).as(field).isNotEqualTo(ViewSettings.class.getMethod(field).invoke(ViewSettings.DEFAULT));
    }
}
