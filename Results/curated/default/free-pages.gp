# free-pages.gp: free memory of each zone against its watermarks; kswapd's running periods shaded
# Written by `numasim plot`. Data: free-pages.dat (per zone: time_s nr_free_pages min low high high+boost kswapd_running, pages in MiB).
# Edit and re-run in this folder with `gnuplot free-pages.gp`; it writes free-pages.svg and free-pages.png.

set encoding utf8

do for [format in "svg png"] {
  reset
  if (format eq "svg") {
    set terminal svg size 1000,620 dynamic enhanced font 'sans,11' background rgb 'white'
  } else {
    set terminal pngcairo size 1000,620 enhanced font 'sans,10' background rgb 'white'
  }
  set output 'free-pages.'.format
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
  set multiplot layout 2,2 title 'free memory and watermarks per zone (kswapd running: shaded)'
  set xlabel 'time (s)'
  set ylabel 'MiB'
  set key tmargin horizontal maxcols 6 samplen 2 font ',9'
  set autoscale xfix
  set boxwidth 0.01 absolute
  set grid ytics lc rgb '#dddddd'
  set title 'node 0, zone DMA'
  set yrange [0:16.2]
  plot 'free-pages.dat' index 0 using 1:($7 > 0 ? 16.2 : 1/0) with boxes fs solid 0.3 noborder lc rgb '#f4b183' title 'kswapd running', \
    'free-pages.dat' index 0 using 1:2 with lines ls 1 title 'nr\_free\_pages', \
    'free-pages.dat' index 0 using 1:3 with lines ls 2 title 'min', \
    'free-pages.dat' index 0 using 1:4 with lines ls 3 title 'low', \
    'free-pages.dat' index 0 using 1:5 with lines ls 4 title 'high'
  set title 'node 0, zone DMA32'
  set yrange [0:92.4792188]
  plot 'free-pages.dat' index 1 using 1:($7 > 0 ? 92.4792188 : 1/0) with boxes fs solid 0.3 noborder lc rgb '#f4b183' title 'kswapd running', \
    'free-pages.dat' index 1 using 1:2 with lines ls 1 title 'nr\_free\_pages', \
    'free-pages.dat' index 1 using 1:3 with lines ls 2 title 'min', \
    'free-pages.dat' index 1 using 1:4 with lines ls 3 title 'low', \
    'free-pages.dat' index 1 using 1:5 with lines ls 4 title 'high'
  set title 'node 0, zone Normal'
  set yrange [0:21.1064063]
  plot 'free-pages.dat' index 2 using 1:($7 > 0 ? 21.1064063 : 1/0) with boxes fs solid 0.3 noborder lc rgb '#f4b183' title 'kswapd running', \
    'free-pages.dat' index 2 using 1:2 with lines ls 1 title 'nr\_free\_pages', \
    'free-pages.dat' index 2 using 1:3 with lines ls 2 title 'min', \
    'free-pages.dat' index 2 using 1:4 with lines ls 3 title 'low', \
    'free-pages.dat' index 2 using 1:5 with lines ls 4 title 'high'
  set title 'node 1, zone Normal'
  set yrange [0:141.686719]
  plot 'free-pages.dat' index 3 using 1:($7 > 0 ? 141.686719 : 1/0) with boxes fs solid 0.3 noborder lc rgb '#f4b183' title 'kswapd running', \
    'free-pages.dat' index 3 using 1:2 with lines ls 1 title 'nr\_free\_pages', \
    'free-pages.dat' index 3 using 1:3 with lines ls 2 title 'min', \
    'free-pages.dat' index 3 using 1:4 with lines ls 3 title 'low', \
    'free-pages.dat' index 3 using 1:5 with lines ls 4 title 'high'
  unset multiplot
  unset output
}
