package org.recausal.desktop.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;

class DagCanvasSmokeTest extends CanvasTestBase {
    @Test
    void doubleClickCreatesAVariableAndRenamesIt() {
        robot.doubleClickOn(screen(200, 140));
        assertThat(dag().names()).containsExactly("x1");
        assertThat(dag().require("x1").position()).isEqualTo(new CanvasPosition(200, 140));
        robot.write("Price").type(KeyCode.ENTER);
        assertThat(dag().names()).containsExactly("Price");
        assertThat(robot.lookup("#node-Price").tryQuery()).isPresent();
    }
}
