import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { de, en } from '../i18n/messages';
import { RouterProvider } from '../router';
import { SessionProvider } from '../session/session';
import { Layout } from './Layout';

// The navigation asks the api whether I am drawn for metamoderation; with no exchanges the
// question stays unanswered, which is all the layout needs here.
const silentClient = new Client({ url: 'http://localhost/graphql', exchanges: [] });

function renderLayout() {
  return render(
    <Provider value={silentClient}>
      <I18nProvider language="en">
        <RouterProvider initialPath="/">
          <SessionProvider initial={{ status: 'signedOut' }}>
            <Layout>
              <h1>content</h1>
            </Layout>
          </SessionProvider>
        </RouterProvider>
      </I18nProvider>
    </Provider>,
  );
}

describe('Layout', () => {
  it('offers a skip link to the main landmark as the first thing Tab reaches', async () => {
    renderLayout();
    await userEvent.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });

  it('switches every visible string to German and marks the document German', async () => {
    renderLayout();
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'de');

    const nav = screen.getByRole('navigation', { name: de.mainNavigation });
    expect(within(nav).getByRole('link', { name: de.nav.signIn })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: en.nav.signIn })).toBeNull();
    expect(screen.getByRole('link', { name: de.skipToContent })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
  });
});
