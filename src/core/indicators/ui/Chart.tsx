import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../../web/i18n';
import { VisuallyHidden } from '../../../web/ui';
import { m } from './messages';

export { Plot };

/**
 * One chart drawn with Observable Plot (SVG) in a figure: the SVG is an image with an
 * accessible name and title, the caption holds a short text summary, and "Toon als tabel"
 * opens the same figures as a table. Plot is only imported by the indicator page's chunk.
 *
 * Plot puts a <style> element in every SVG; the app's Content-Security-Policy refuses inline
 * styles, so that element is removed and its few rules live in indicators.css.
 */
export function Chart({
  label,
  summary,
  table,
  render,
  className,
}: {
  /** The accessible name of the image: what it shows. */
  label: string;
  /** One or two sentences with what the chart says. */
  summary: ReactNode;
  /** The table alternative with the same figures. */
  table: ReactNode;
  /** Builds the Plot options for the available width in pixels. */
  render: (width: number) => Plot.PlotOptions;
  className?: string;
}) {
  const t = useT(m);
  const container = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = container.current;
    if (!el || width <= 0) return;
    const chart = Plot.plot({ ...render(width), className: 'indicators-plot', ariaLabel: null, ariaDescription: null });
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
    for (const style of chart.querySelectorAll('style')) style.remove();
    if (svg) {
      // The image is named as a whole; Plot's labels on its groups are not allowed without a role.
      for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
        part.removeAttribute('aria-label');
        part.removeAttribute('aria-description');
      }
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', label);
      svg.setAttribute('focusable', 'false');
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = label;
      svg.insertBefore(title, svg.firstChild);
    }
    el.replaceChildren(chart);
    return () => {
      chart.remove();
    };
  }, [width, render, label]);

  return (
    <figure className={['indicators-figure', className].filter(Boolean).join(' ')} aria-labelledby={captionId}>
      <div ref={container} className="indicators-figure__chart" />
      <figcaption id={captionId} className="indicators-figure__caption">
        {summary}
      </figcaption>
      <details className="indicators-details">
        <summary>
          {t('chart.showTable')}
          <VisuallyHidden>: {label}</VisuallyHidden>
        </summary>
        {table}
      </details>
    </figure>
  );
}
