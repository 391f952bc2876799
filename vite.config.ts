import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The server fills in `%DICHTER_THEME%` (voorbeeld | rijkshuisstijl) in index.html, and the web app
 * puts `<theme>-theme` on <html>. The Rijkshuisstijl tokens are published under `.rhc-theme`, so this
 * gives that block the second selector `.rijkshuisstijl-theme` at build time.
 */
function themeClassAlias(): Plugin {
  return {
    name: 'dichter:theme-class-alias',
    enforce: 'pre',
    transform(code, id) {
      if (!/rijkshuisstijl-community[\\/]design-tokens[\\/]dist[\\/]index\.css/.test(id)) return null;
      return { code: code.replace(/\.rhc-theme\s*\{/g, '.rhc-theme,\n.rijkshuisstijl-theme {'), map: null };
    },
  };
}

/** In the dev server nobody fills in the theme: use the default. */
function devTheme(): Plugin {
  return {
    name: 'dichter:dev-theme',
    apply: 'serve',
    transformIndexHtml: (html) => html.replaceAll('%DICHTER_THEME%', 'voorbeeld'),
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  plugins: [react(), themeClassAlias(), devTheme()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      output: {
        // Vendor code changes less often than ours: separate chunks cache well across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 2 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
