import type { PageModule } from './web.app.js';

/** Every feature's pages, mounted by the web app. Add a feature's module here. */
export const pageModules: PageModule[] = [];
