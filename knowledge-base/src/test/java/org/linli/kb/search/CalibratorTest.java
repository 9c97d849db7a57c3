package org.linli.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The confidence model's penalty is chosen by the fitting rows themselves, on rows held out of each fit. */
class CalibratorTest {

  @Test
  void features_that_say_nothing_about_the_label_get_the_strongest_penalty() {
    Random random = new Random(7);
    double[][] x = new double[600][4];
    boolean[] y = new boolean[600];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = random.nextGaussian();
      }
      y[i] = random.nextBoolean();
    }

    assertThat(Calibrator.confidencePenalty(x, y))
        .isEqualTo(Calibrator.CONFIDENCE_PENALTIES[Calibrator.CONFIDENCE_PENALTIES.length - 1]);
  }

  @Test
  void a_feature_that_separates_the_labels_cleanly_gets_the_weakest_penalty() {
    Random random = new Random(11);
    double[][] x = new double[600][4];
    boolean[] y = new boolean[600];
    for (int i = 0; i < x.length; i++) {
      y[i] = i % 2 == 0;
      x[i][0] = (y[i] ? 2 : -2) + 0.5 * random.nextGaussian();
      for (int j = 1; j < 4; j++) {
        x[i][j] = random.nextGaussian();
      }
    }

    assertThat(Calibrator.confidencePenalty(x, y)).isEqualTo(Calibrator.CONFIDENCE_PENALTIES[0]);
  }

  @Test
  void too_few_rows_of_one_label_to_hold_any_out_keep_the_default_penalty() {
    double[][] x = new double[40][2];
    boolean[] y = new boolean[40];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = i;
      x[i][1] = -i;
      y[i] = i < 5;
    }

    assertThat(Calibrator.confidencePenalty(x, y)).isEqualTo(0.01);
  }
}
