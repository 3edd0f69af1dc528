/** What a screen says when loading or saving fails, in the applicant's words. */
export type ErrorDescription = {
  title: string;
  message: string;
  unavailable: boolean;
  /** Whether trying again can help: a missing page or a refused access stays so. */
  retryable: boolean;
};

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  const status: unknown = error.status;
  return typeof status === 'number' ? status : null;
}

function messageOf(error: unknown): string | null {
  if (!(error instanceof Error) || error.message === '') return null;
  return error.message;
}

/**
 * The network failing (fetch's TypeError, or the client's status 0), a proxy's 502/503/504 or a
 * 500 all mean "the service is down": say so plainly and invite to retry. Other API errors carry a
 * French message of their own (the API's error shape), shown as is. Whether what was typed is kept
 * is said by the forms that keep it (`failureMessage`), not by pages that have nothing to keep.
 */
export function describeError(error: unknown): ErrorDescription {
  const status = statusOf(error);
  if (error instanceof TypeError || status === null || status === 0 || status >= 500) {
    return {
      title: 'Le service est momentanément indisponible',
      message: 'Nous n’arrivons pas à joindre le serveur. Réessayez dans quelques instants.',
      unavailable: true,
      retryable: true,
    };
  }
  if (status === 404) {
    return {
      title: 'Page introuvable',
      message: messageOf(error) ?? 'Ce que vous cherchez n’existe pas ou plus.',
      unavailable: false,
      retryable: false,
    };
  }
  if (status === 401 || status === 403) {
    return {
      title: 'Accès refusé',
      message: messageOf(error) ?? 'Vous n’avez pas accès à cette page avec ce compte.',
      unavailable: false,
      retryable: false,
    };
  }
  return {
    title: 'Une erreur est survenue',
    message: messageOf(error) ?? 'La demande n’a pas abouti.',
    unavailable: false,
    retryable: true,
  };
}
