/// <reference types="vite/client" />
import {setCustomElementsManifest, type Decorator, type Preview} from '@storybook/web-components-vite';
import {html} from 'lit';
import {styleMap} from 'lit/directives/style-map.js';
import '../src/define.js';
import {publicManifest, snippet} from '../stories/fixtures.js';
import hostileCss from '../test/hosts/hostile.css?inline';

// Controls and docs (attributes, properties, events, CSS parts and custom properties) come from
// custom-elements.json, which `npm run analyze` generates from the elements' JSDoc.
setCustomElementsManifest(publicManifest());

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/**
 * Picks a control for each argType Storybook made from the manifest, from its TypeScript type
 * text: a union of string literals is a select, `number` a number, `string` text, an object
 * type (`data`) the JSON editor; custom properties get a colour picker (colours) or text; CSS
 * parts, slots and events are documentation only. No story writes argTypes by hand.
 */
const controlsFromManifest: ArgTypesEnhancer = ({argTypes}) => {
  const out = {...argTypes};
  for (const [name, argType] of Object.entries(out)) {
    const category = argType.table?.category;
    const type = argType.table?.type?.summary ?? '';
    const fallback = String(argType.table?.defaultValue?.summary ?? '');
    let control: Record<string, unknown> | false | undefined;
    let options: string[] | undefined;
    if (category === 'css shadow parts' || category === 'slots' || category === 'events') control = false;
    else if (category === 'css custom properties') {
      control = /#[0-9a-f]{3,8}\b|light-dark\(|rgb|hsl/i.test(fallback) ? {type: 'color'} : {type: 'text'};
    } else if (category === 'properties' || category === 'attributes') {
      const parts = type.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined' && t !== 'null');
      if (parts.length && parts.every((t) => /^'[^']*'$/.test(t))) {
        options = parts.map((t) => t.slice(1, -1));
        control = {type: 'inline-radio'};
      } else if (parts.length === 1 && parts[0] === 'number') control = {type: 'number', min: 1, max: 6, step: 1};
      else if (parts.length === 1 && parts[0] === 'string') control = {type: 'text'};
      else if (parts.length) control = {type: 'object'};
    }
    if (control !== undefined) out[name] = {...argType, control, ...(options ? {options} : {})};
    // Name the action after the event (`digest-error`), not the generated arg (`onDigestError`).
    if (argType.action && typeof argType.action !== 'string') {
      const event = (argType.action as {name?: string}).name;
      if (event) out[name] = {...out[name], action: event};
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Toolbar globals

const HOSTILE_ID = 'digest-hostile-host-css';

/** The hostile stylesheet on the page (story view) or off. */
function hostileSheet(on: boolean) {
  const present = document.getElementById(HOSTILE_ID);
  if (on && !present) {
    const style = document.createElement('style');
    style.id = HOSTILE_ID;
    style.textContent = hostileCss;
    document.head.append(style);
  } else if (!on) present?.remove();
}

const schemes: Record<string, string> = {light: 'light', dark: 'dark', auto: 'light dark'};

/**
 * Wraps every story in the "page" the toolbar describes: `lang` (elements without a `lang`
 * in their data follow it); the colour scheme, declared the way a page does it (`color-scheme`
 * on the page, painted with its canvas; "auto" declares `light dark`, so the page follows the
 * reader), which the elements take as theirs; a fixed width; and optionally a host page with a
 * hostile global stylesheet around it.
 */
const withHostPage: Decorator = (story, {globals, viewMode}) => {
  const lang = String(globals.lang ?? 'en');
  const scheme = schemes[String(globals.colorScheme)] ?? 'light dark';
  // The story's page declares the scheme (the docs page shares this document: only the frame there).
  if (viewMode !== 'docs') Object.assign(document.documentElement.style, {colorScheme: scheme, background: 'Canvas'});
  const width = String(globals.width ?? 'full');
  const hostile = globals.hostCss === 'hostile';
  // The docs page shares this document: a global sheet there would wreck the docs themselves.
  hostileSheet(hostile && viewMode !== 'docs');
  const frame = html`<div
    class="digest-story"
    lang=${lang}
    style=${styleMap({
      colorScheme: scheme,
      background: 'Canvas',
      color: 'CanvasText',
      padding: '16px',
      boxSizing: 'border-box',
      width: width === 'full' ? null : `${width}px`,
      minHeight: viewMode === 'docs' ? null : '100vh',
    })}
  >
    ${story()}
  </div>`;
  if (!hostile) return frame;
  return html`<div class="host-page">
    <header class="site-header">
      <p>Host page header, styled by the host's global CSS. <a href="#top">A host link</a></p>
    </header>
    <main>
      <p>Host page text before the element.</p>
      ${frame}
      <p>Host page text after the element.</p>
    </main>
  </div>`;
};

const preview: Preview = {
  decorators: [withHostPage],
  argTypesEnhancers: [controlsFromManifest],
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    options: {storySort: {order: ['Elements', ['digest-article', 'source-card', 'takeaway-list', 'reader-comment']]}},
    controls: {expanded: true, sort: 'requiredFirst'},
    docs: {
      source: {
        language: 'html',
        // The snippet a page author writes for the story's current args.
        transform: (_code: string, context: {component?: string; args: Record<string, unknown>}) =>
          context.component ? snippet(context.component, context.args) : _code,
      },
    },
  },
  globalTypes: {
    lang: {
      description: 'The lang of the page around the element (data without a lang follows it)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          {value: 'en', title: 'English (en)', right: 'en'},
          {value: 'ja', title: '日本語 (ja)', right: 'ja'},
        ],
        dynamicTitle: true,
      },
    },
    colorScheme: {
      description: 'The color-scheme of the page around the element',
      toolbar: {
        title: 'Color scheme',
        icon: 'contrast',
        items: [
          {value: 'light', title: 'Light', icon: 'sun'},
          {value: 'dark', title: 'Dark', icon: 'moon'},
          {value: 'auto', title: 'Auto (follow the system)', icon: 'browser'},
        ],
        dynamicTitle: true,
      },
    },
    width: {
      description: 'The width of the box the element sits in',
      toolbar: {
        title: 'Width',
        icon: 'ruler',
        items: [
          {value: 'full', title: 'Full width'},
          {value: '320', title: '320 px'},
          {value: '768', title: '768 px'},
          {value: '1200', title: '1200 px'},
        ],
        dynamicTitle: true,
      },
    },
    hostCss: {
      description: 'Put the element on a host page with a hostile global stylesheet (story view)',
      toolbar: {
        title: 'Host page CSS',
        icon: 'paintbrush',
        items: [
          {value: 'off', title: 'Plain host page'},
          {value: 'hostile', title: 'Hostile host page CSS'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {lang: 'en', colorScheme: 'auto', width: 'full', hostCss: 'off'},
};

export default preview;
