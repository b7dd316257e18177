# heatmap.gp: allocstall over vm.min_free_kbytes × vm.watermark_scale_factor
# Written by `numasim plot`. Data: heatmap.dat (per panel: x_index y_index mean, NaN where the grid has no point).
# Edit and re-run in this folder with `gnuplot heatmap.gp`; it writes heatmap.svg and heatmap.png.

set encoding utf8

do for [format in "svg png"] {
  reset
  if (format eq "svg") {
    set terminal svg size 900,600 dynamic enhanced font 'sans,11' background rgb 'white'
  } else {
    set terminal pngcairo size 900,600 enhanced font 'sans,10' background rgb 'white'
  }
  set output 'heatmap.'.format
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
  set multiplot layout 1,1 title 'allocstall, mean of each point''s runs'
  set xlabel 'vm.min\_free\_kbytes'
  set ylabel 'vm.watermark\_scale\_factor'
  set xtics ('11264' 0, '35761' 1, '113534' 2, '360448' 3)
  set ytics ('10' 0, '100' 1, '300' 2)
  set xrange [-0.5:4-0.5]
  set yrange [-0.5:3-0.5]
  set palette defined (0 '#fff5eb', 0.5 '#fd8d3c', 1 '#a63603')
  set cblabel 'allocstall'
  unset key
  set tics nomirror out
  set title ''
  plot 'heatmap.dat' index 0 using 1:2:3 with image, \
    'heatmap.dat' index 0 using 1:2:($3 == $3 ? sprintf('%.3g', $3) : '') with labels font ',10'
  unset multiplot
  unset output
}
