# lru.gp: each node's LRU lists over time
# Written by `numasim plot`. Data: lru.dat (per node: time_s nr_inactive_anon nr_active_anon nr_inactive_file nr_active_file nr_unevictable, in MiB).
# Edit and re-run in this folder with `gnuplot lru.gp`; it writes lru.svg and lru.png.

set encoding utf8

do for [format in "svg png"] {
  reset
  if (format eq "svg") {
    set terminal svg size 1000,340 dynamic enhanced font 'sans,11' background rgb 'white'
  } else {
    set terminal pngcairo size 1000,340 enhanced font 'sans,10' background rgb 'white'
  }
  set output 'lru.'.format
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
  set multiplot layout 1,2 title 'LRU lists per node'
  set xlabel 'time (s)'
  set ylabel 'MiB'
  set key tmargin horizontal maxcols 6 samplen 2 font ',9'
  set grid ytics lc rgb '#dddddd'
  set yrange [0:*]
  set autoscale xfix
  set title 'node 0'
  plot 'lru.dat' index 0 using 1:2 with lines ls 6 title 'nr\_inactive\_anon', \
    'lru.dat' index 0 using 1:3 with lines ls 7 title 'nr\_active\_anon', \
    'lru.dat' index 0 using 1:4 with lines ls 8 title 'nr\_inactive\_file', \
    'lru.dat' index 0 using 1:5 with lines ls 9 title 'nr\_active\_file'
  set title 'node 1'
  plot 'lru.dat' index 1 using 1:2 with lines ls 6 title 'nr\_inactive\_anon', \
    'lru.dat' index 1 using 1:3 with lines ls 7 title 'nr\_active\_anon', \
    'lru.dat' index 1 using 1:4 with lines ls 8 title 'nr\_inactive\_file', \
    'lru.dat' index 1 using 1:5 with lines ls 9 title 'nr\_active\_file'
  unset multiplot
  unset output
}
