# tradeoff.gp: allocstall against free_mean_mib for every point; the Pareto points joined
# Written by `numasim plot`. Data: tradeoff.dat (block 0: cost cost_low cost_high metric metric_low metric_high; block 1: the Pareto points with their settings).
# Edit and re-run in this folder with `gnuplot tradeoff.gp`; it writes tradeoff.svg and tradeoff.png.

set encoding utf8

do for [format in "svg png"] {
  reset
  if (format eq "svg") {
    set terminal svg size 1000,600 dynamic enhanced font 'sans,11' background rgb 'white'
  } else {
    set terminal pngcairo size 1000,600 enhanced font 'sans,10' background rgb 'white'
  }
  set output 'tradeoff.'.format
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
  set title 'allocstall against free\_mean\_mib: mean and 95% intervals; Pareto points joined, labelled min\_free\_kbytes, watermark\_scale\_factor'
  set xlabel 'free\_mean\_mib'
  set ylabel 'allocstall'
  set yrange [0:*]
  set grid lc rgb '#dddddd'
  set key top right
  set offsets graph 0.05, graph 0.15, graph 0.05, graph 0.05
  plot 'tradeoff.dat' index 0 using 1:4:2:3:5:6 with xyerrorbars ls 1 pt 7 ps 0.8 title 'sweep point', \
    'tradeoff.dat' index 1 using 1:2 with linespoints ls 2 dt 1 pt 6 ps 1.6 lw 1.5 title 'Pareto', \
    'tradeoff.dat' index 1 using 1:2:3 with labels left offset 1.2,0.6 font ',9' noenhanced notitle
  unset output
}
