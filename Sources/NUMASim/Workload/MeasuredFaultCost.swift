// SPDX-License-Identifier: MIT

/// The measured per-fault CPU time behind ``ThreadProgram/measuredFaultMicroseconds``.
///
/// `Validation/fixtures/fault-latency-vm-6.18.csv` as recorded by `Validation/faulter.c`
/// (`faulter 1 1024 0 10 HISTOGRAM_CSV`: one thread, 1 GiB bursts, 4.7 M faults, no memory
/// pressure), bucket edges in µs, buckets up to 1 ms. A test reads the fixture and checks that
/// this table is the same.
enum MeasuredFaultCost {
  /// Bucket edges in ns (1/8-octave buckets, gaps filled with empty buckets).
  static let edgesNanoseconds: [Double] = [
    1024, 1152, 1280, 1408, 1536, 1664, 1792, 1920, 2048, 2304, 2560, 2816, 3072, 3328, 3584, 3840, 4096,
    4608, 5120, 5632, 6144, 6656, 7168, 7680, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384,
    18432, 20480, 22528, 24576, 26624, 28672, 30720, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440,
    65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880, 131072, 147456, 163840, 180224, 196608,
    212992, 229376, 245760, 262144, 294912, 327680, 360448, 393216, 425984, 458752, 491520, 589824, 655360,
  ]
  /// Faults per bucket.
  static let faults: [Double] = [
    4262, 1096084, 1311417, 655086, 563121, 420300, 209019, 78979, 40742, 12807, 8657, 61685, 44036, 9673,
    10163, 18522, 17051, 1863, 1039, 867, 559, 414, 265, 180, 222, 227, 496, 608, 13463, 98735, 13546, 9720,
    5990, 2745, 871, 292, 146, 130, 204, 285, 259, 318, 411, 338, 327, 298, 261, 301, 546, 331, 169, 126, 81,
    58, 45, 21, 28, 26, 23, 15, 12, 18, 16, 14, 49, 19, 5, 1, 1, 0, 1, 0, 1,
  ]

  static let histogram = EmpiricalHistogram(edges: edgesNanoseconds.map { $0 / 1000 }, weights: faults)
}
