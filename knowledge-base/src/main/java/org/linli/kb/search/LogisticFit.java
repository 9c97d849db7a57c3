package org.linli.kb.search;

/**
 * A small L2-regularised logistic regression fitted by batch gradient descent on standardised
 * features. Enough for a dozen features and a few hundred questions; no library needed.
 */
final class LogisticFit {

  final double[] means;
  final double[] scales;
  final double[] weights;
  double bias;

  private LogisticFit(int n) {
    means = new double[n];
    scales = new double[n];
    weights = new double[n];
  }

  static LogisticFit fit(double[][] x, boolean[] y, double lambda, int iterations) {
    int n = x[0].length;
    LogisticFit f = new LogisticFit(n);
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (double[] row : x) {
        sum += row[j];
      }
      f.means[j] = sum / x.length;
      double var = 0;
      for (double[] row : x) {
        var += (row[j] - f.means[j]) * (row[j] - f.means[j]);
      }
      f.scales[j] = Math.max(1e-6, Math.sqrt(var / x.length));
    }
    double rate = 0.5;
    for (int it = 0; it < iterations; it++) {
      double[] grad = new double[n];
      double gradBias = 0;
      for (int i = 0; i < x.length; i++) {
        double p = f.predict(x[i]);
        double err = p - (y[i] ? 1 : 0);
        for (int j = 0; j < n; j++) {
          grad[j] += err * (x[i][j] - f.means[j]) / f.scales[j];
        }
        gradBias += err;
      }
      for (int j = 0; j < n; j++) {
        f.weights[j] -= rate * (grad[j] / x.length + lambda * f.weights[j]);
      }
      f.bias -= rate * gradBias / x.length;
    }
    return f;
  }

  double predict(double[] row) {
    double z = bias;
    for (int j = 0; j < row.length; j++) {
      z += weights[j] * (row[j] - means[j]) / scales[j];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
