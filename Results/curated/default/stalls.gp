# stalls.gp: direct-reclaim stalls over time and the CDF of their durations
# Written by `numasim plot`. Data: stalls.dat (per task group: start_s duration_us; last block: duration_us fraction_of_stalls).
# Edit and re-run in this folder with `gnuplot stalls.gp`; it writes stalls.svg and stalls.png.

set encoding utf8

do for [format in "svg png"] {
  reset
  if (format eq "svg") {
    set terminal svg size 1000,460 dynamic enhanced font 'sans,11' background rgb 'white'
  } else {
    set terminal pngcairo size 1000,460 enhanced font 'sans,10' background rgb 'white'
  }
  set output 'stalls.'.format
  set style line 1 lc rgb '#1f77b4' lw 1.5
  set style line 2 lc rgb '#d62728' lw 1.2 dt 2
  set style line 3 lc rgb '#ff7f0e' lw 1.2 dt 2
  set style line 4 lc rgb '#2ca02c' lw 1.2 dt 2
  set style line 5 lc rgb '#9467bd' lw 1.2 dt 3
  set style line 6 lc rgb '#8c564b' lw 1.5
  set style line 7 lc rgb '#e377c2' lw 1.5
  set style line 8 lc rgb '#7f7f7f' lw 1.5
  set style line 9 lc rgb '#bcbd22' lw 1.5
  set style line 10 lc rgb '#17becf' lw 1.5
  set multiplot layout 1,2 title '142 direct-reclaim stalls'
  set grid lc rgb '#dddddd'
  set key tmargin horizontal font ',9'
  set title 'stalls over time'
  set xlabel 'time (s)'
  set ylabel 'stall (µs)'
  set logscale y
  set xrange [2.01:22]
  plot 'stalls.dat' index 0 using 1:2 with points pt 7 ps 0.5 lc rgb '#1f77b4' title 'page-cache', \
    'stalls.dat' index 1 using 1:2 with points pt 7 ps 0.5 lc rgb '#d62728' title 'io-bursts', \
    'stalls.dat' index 2 using 1:2 with points pt 7 ps 0.5 lc rgb '#2ca02c' title 'app-heap', \
    'stalls.dat' index 3 using 1:2 with points pt 7 ps 0.5 lc rgb '#9467bd' title 'slab'
  set title 'stall duration CDF'
  set xlabel 'stall (µs)'
  set ylabel 'fraction of stalls'
  unset logscale y
  set logscale x
  set xrange [*:*]
  set yrange [0:1.02]
  plot 'stalls.dat' index 4 using 1:2 with steps ls 1 title 'all stalls'
  unset multiplot
  unset output
}
