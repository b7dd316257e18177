# latency.gp: the share of allocations, stalls and accesses slower than each latency
# Written by `numasim plot`. Data: latency.dat (per distribution: latency_ns fraction_slower).
# Edit and re-run in this folder with `gnuplot latency.gp`; it writes latency.svg and latency.png.

set encoding utf8

do for [format in "svg png"] {
  reset
  if (format eq "svg") {
    set terminal svg size 1000,500 dynamic enhanced font 'sans,11' background rgb 'white'
  } else {
    set terminal pngcairo size 1000,500 enhanced font 'sans,10' background rgb 'white'
  }
  set output 'latency.'.format
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
  set title 'latency distributions (share slower than x)'
  set xlabel 'latency (ns)'
  set ylabel 'fraction slower'
  set logscale xy
  set grid lc rgb '#dddddd'
  set format y '10^{%L}'
  set format x '10^{%L}'
  set key top right
  plot 'latency.dat' index 0 using 1:2 with steps ls 1 dt 1 title 'allocations', \
    'latency.dat' index 1 using 1:2 with steps ls 2 dt 1 title 'direct-reclaim stalls', \
    'latency.dat' index 2 using 1:2 with steps ls 4 dt 1 title 'page accesses'
  unset output
}
