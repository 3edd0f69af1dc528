import { useRoute, useRouter } from 'vue-router';

/**
 * The token of an e-mail link (`?jeton=…`), read once; then the address loses it, so it stays
 * out of the browser history, bookmarks and screenshots. (The token is single-use and short-lived
 * anyway, and the pages' `Referrer-Policy: same-origin` keeps it from other sites.)
 */
export function useLinkToken(): string {
  const route = useRoute();
  const router = useRouter();
  const token = typeof route.query.jeton === 'string' ? route.query.jeton : '';
  if (token) {
    const { jeton: _token, ...query } = route.query;
    void router.replace({ query, hash: route.hash });
  }
  return token;
}
