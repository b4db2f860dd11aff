// The default verdict scale. Stored as data (table Verdict) so an admin can change it; each verdict
// maps to a ClaimReview rating on a 1 (worst) to 5 (best) scale. Unverifiable and Opinion carry no
// rating on that scale (0) and need no source. Colours are dark enough for white text (WCAG AA).
export const defaultVerdictScale = [
  { key: 'true', label: 'True', color: '#1b7a3a', ratingValue: 5, requiresSource: true },
  { key: 'mostly-true', label: 'Mostly true', color: '#3f7d20', ratingValue: 4, requiresSource: true },
  { key: 'half-true', label: 'Half true', color: '#8a6100', ratingValue: 3, requiresSource: true },
  { key: 'mostly-false', label: 'Mostly false', color: '#b4461a', ratingValue: 2, requiresSource: true },
  { key: 'false', label: 'False', color: '#b3261e', ratingValue: 1, requiresSource: true },
  { key: 'misleading', label: 'Misleading', color: '#7b2d8e', ratingValue: 2, requiresSource: true },
  { key: 'unverifiable', label: 'Unverifiable', color: '#55606b', ratingValue: 0, requiresSource: false },
  { key: 'opinion', label: 'Opinion', color: '#1f5f99', ratingValue: 0, requiresSource: false },
] as const;
