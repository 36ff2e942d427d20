import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Inter (SIL Open Font License) from its npm package, so labels render the same on a machine without fonts. */
export const FONTS = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  family: 'Inter',
} as const;
