package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.ui.theme.UiTheme;
import org.junit.jupiter.api.Test;

/** Zoom, speed and theme rules that need no window. */
class ViewOptionsTest {
    @Test
    void zoomMovesInQuartersWithin100And250Percent() {
        ViewOptions v = new ViewOptions();
        for (int i = 0; i < 10; i++) v.zoomBy(1);
        assertThat(v.zoomProperty().get()).isEqualTo(2.5);
        v.zoomBy(-1);
        assertThat(v.zoomProperty().get()).isEqualTo(2.25);
        for (int i = 0; i < 10; i++) v.zoomBy(-1);
        assertThat(v.zoomProperty().get()).isEqualTo(1.0);
        v.setZoom(Double.NaN);
        assertThat(v.zoomProperty().get()).isEqualTo(1.0);
    }

    @Test
    void presenterModeHasItsOwnThemeAndZoom() {
        ViewOptions v = new ViewOptions();
        v.setTheme(UiTheme.DARK);
        v.presenterProperty().set(true);
        assertThat(v.themeProperty().get()).isEqualTo(UiTheme.HIGH_CONTRAST);
        assertThat(v.zoomProperty().get()).isEqualTo(1.75);
        v.setTheme(UiTheme.LIGHT);
        v.presenterProperty().set(false);
        assertThat(v.themeProperty().get()).isEqualTo(UiTheme.DARK);
        assertThat(v.presenterThemeProperty().get()).isEqualTo(UiTheme.LIGHT);
    }

    @Test
    void speedStepsThroughPresets() {
        ViewOptions v = new ViewOptions();
        v.speedBy(1);
        assertThat(v.speedProperty().get()).isEqualTo(2);
        v.speedBy(-3);
        assertThat(v.speedProperty().get()).isEqualTo(0.25);
        v.speedBy(-1);
        assertThat(v.speedProperty().get()).isEqualTo(0.25);
        v.speedBy(100);
        assertThat(v.speedProperty().get()).isEqualTo(16);
    }
}
