package org.casebook.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few values very
 * common, a long tail of rare ones, as in real catalogues.
 */
final class Zipf {

	private final double[] cumulative;

	Zipf(int n, double exponent) {
		this.cumulative = new double[n];
		double sum = 0;
		for (int rank = 0; rank < n; rank++) {
			sum += 1 / Math.pow(rank + 1, exponent);
			this.cumulative[rank] = sum;
		}
		for (int rank = 0; rank < n; rank++) {
			this.cumulative[rank] /= sum;
		}
	}

	int next(SplittableRandom random) {
		int index = Arrays.binarySearch(this.cumulative, random.nextDouble());
		return Math.min((index >= 0) ? index : -index - 1, this.cumulative.length - 1);
	}

}
