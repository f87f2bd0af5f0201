import { useEffect, useRef, type ReactNode } from 'react';

// After a navigation, keyboard focus moves to the new page's title (a screen reader reads it), also when the
// page shows its title only once its data has loaded.

let focusNextTitle = false;

/** Called when the location changes (not at the first page load). */
export function focusTitleAfterNavigation() {
  focusNextTitle = true;
}

export function PageTitle({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusNextTitle) {
      focusNextTitle = false;
      ref.current?.focus();
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
